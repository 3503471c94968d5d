import { Outlet } from '@remix-run/react';
export default function App() { return <html><body><Outlet /></body></html>; }

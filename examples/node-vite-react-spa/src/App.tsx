export function App() {
  const api = import.meta.env.VITE_API_URL ?? '/api';
  return <h1>Admin console ({api})</h1>;
}

export default function Index() { return <h1>Book a room</h1>; }

export default function Index() {
  return <h1>Docs</h1>;
}

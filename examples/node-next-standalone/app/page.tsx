export default function Home() {
  return <main><h1>Ship faster with Acme</h1></main>;
}

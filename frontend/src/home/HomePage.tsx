// Placeholder until this page is built (issue #8); replaced in the same change.
export default function HomePage() {
  return <h1>HomePage</h1>;
}

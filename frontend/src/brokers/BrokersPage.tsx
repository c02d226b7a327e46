// Placeholder until this page is built (issue #8); replaced in the same change.
export default function BrokersPage() {
  return <h1>BrokersPage</h1>;
}

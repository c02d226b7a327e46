// Placeholder until this page is built (issue #8); replaced in the same change.
export default function UsersPage() {
  return <h1>UsersPage</h1>;
}

// Placeholder until this page is built (issue #8); replaced in the same change.
export default function SettingsPage() {
  return <h1>SettingsPage</h1>;
}

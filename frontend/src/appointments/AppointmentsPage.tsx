// Placeholder until this page is built (issue #8); replaced in the same change.
export default function AppointmentsPage() {
  return <h1>AppointmentsPage</h1>;
}

import { Suspense, lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AuthProvider, canSee, useAuth, type Role } from '../auth/AuthProvider';
import { LoginPage } from '../auth/LoginPage';
import { LiveEventsProvider } from '../live/LiveEvents';
import { Shell } from './Shell';
import { Skeleton } from '../ui/States';
import { NotFoundPage } from './NotFoundPage';

// each page is its own chunk: an agent on a phone loads the inbox without the settings' code
const HomePage = lazy(() => import('../home/HomePage'));
const LeadsPage = lazy(() => import('../leads/LeadsPage'));
const LeadDetailPage = lazy(() => import('../leads/detail/LeadDetailPage'));
const PipelinePage = lazy(() => import('../pipeline/PipelinePage'));
const InboxPage = lazy(() => import('../inbox/InboxPage'));
const AppointmentsPage = lazy(() => import('../appointments/AppointmentsPage'));
const CallsPage = lazy(() => import('../calls/CallsPage'));
const OperationsPage = lazy(() => import('../operations/OperationsPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const UsersPage = lazy(() => import('../users/UsersPage'));
const BrokersPage = lazy(() => import('../brokers/BrokersPage'));
const TestChatPage = lazy(() => import('../testchat/TestChatPage'));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { signedIn } = useAuth();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function RequireRole({ allowed, children }: { allowed: (role?: Role) => boolean; children: ReactNode }) {
  const { me, loading } = useAuth();
  if (loading || !me) return <Skeleton />;
  return allowed(me.role) ? <>{children}</> : <NotFoundPage />;
}

function Live({ children }: { children: ReactNode }) {
  const { signedIn } = useAuth();
  return <LiveEventsProvider enabled={signedIn}>{children}</LiveEventsProvider>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSignIn>
            <Shell />
          </RequireSignIn>
        }
      >
        <Route
          index
          element={
            <Page>
              <HomePage />
            </Page>
          }
        />
        <Route
          path="leads"
          element={
            <Page>
              <LeadsPage />
            </Page>
          }
        />
        <Route
          path="leads/:id"
          element={
            <Page>
              <LeadDetailPage />
            </Page>
          }
        />
        <Route
          path="pipeline"
          element={
            <Page>
              <PipelinePage />
            </Page>
          }
        />
        <Route
          path="inbox"
          element={
            <Page>
              <InboxPage />
            </Page>
          }
        />
        <Route
          path="appointments"
          element={
            <Page>
              <AppointmentsPage />
            </Page>
          }
        />
        <Route
          path="calls"
          element={
            <Page>
              <CallsPage />
            </Page>
          }
        />
        <Route
          path="operations"
          element={
            <Page role={canSee.operations}>
              <OperationsPage />
            </Page>
          }
        />
        <Route
          path="settings"
          element={
            <Page role={canSee.settings}>
              <SettingsPage />
            </Page>
          }
        />
        <Route
          path="users"
          element={
            <Page role={canSee.users}>
              <UsersPage />
            </Page>
          }
        />
        <Route
          path="brokers"
          element={
            <Page role={canSee.brokers}>
              <BrokersPage />
            </Page>
          }
        />
        <Route
          path="test-chat"
          element={
            <Page>
              <TestChatPage />
            </Page>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Page({ role, children }: { role?: (role?: Role) => boolean; children: ReactNode }) {
  const content = <Suspense fallback={<Skeleton lines={6} />}>{children}</Suspense>;
  return role ? <RequireRole allowed={role}>{content}</RequireRole> : content;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <Live>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Live>
      </AuthProvider>
    </QueryClientProvider>
  );
}

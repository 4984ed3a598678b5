import { roleAllows, type OperatorPermission } from '@coupons/domain';
import { lazy, Suspense } from 'react';
import { ActivityPage } from './activity/ActivityPage';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { SessionProvider, useRole } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { UserMenu } from './auth/UserMenu';
import { CouponFormPage } from './coupons/CouponFormPage';
import { CouponPage } from './coupons/CouponPage';
import { CouponsListPage } from './coupons/CouponsListPage';
import { CustomerPage } from './customers/CustomerPage';
import { CustomersPage } from './customers/CustomersPage';
import { InvoiceDiscountsPage } from './invoice-discounts/InvoiceDiscountsPage';
import { PromotionCodesPage } from './promotion-codes/PromotionCodesPage';
import { Link, useLocation } from './router';
import { matchRoute, paths, type Route } from './routes';
import { SettingsPage } from './settings/SettingsPage';
import { EmptyState, LoadingState } from './ui/states';
import { WebhookEndpointPage } from './webhooks/WebhookEndpointPage';
import { WebhooksPage } from './webhooks/WebhooksPage';

/** The charts library is most of the overview's weight: it loads with that page, not with the sign-in screen. */
const OverviewPage = lazy(() => import('./overview/OverviewPage').then((module) => ({ default: module.OverviewPage })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'overview':
      return (
        <Suspense fallback={<div className="page"><LoadingState /></div>}>
          <OverviewPage />
        </Suspense>
      );
    case 'coupons':
      return <CouponsListPage filters={route.filters} />;
    case 'newCoupon':
      return <CouponFormPage />;
    case 'coupon':
      return <CouponPage key={route.code} code={route.code} />;
    case 'editCoupon':
      return <CouponFormPage key={`edit:${route.code}`} code={route.code} />;
    case 'promotionCodes':
      return <PromotionCodesPage filters={route.filters} />;
    case 'customers':
      return <CustomersPage filters={route.filters} />;
    case 'customer':
      return <CustomerPage key={route.externalId} externalId={route.externalId} />;
    case 'invoiceDiscounts':
      return <InvoiceDiscountsPage key={route.externalInvoiceId} externalInvoiceId={route.externalInvoiceId} />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'webhookEndpoint':
      return <WebhookEndpointPage key={route.lagoId} lagoId={route.lagoId} />;
    case 'activity':
      return <ActivityPage filters={route.filters} />;
    case 'settings':
      return <SettingsPage />;
    case 'invitation':
    case 'notFound':
      return (
        <div className="page">
          <EmptyState title="Page not found">
            <Link to={paths.overview()}>Back to the overview</Link>
          </EmptyState>
        </div>
      );
  }
}

/** The main navigation: each entry and the pages it stands for (a coupon's page belongs to "Coupons"). */
/** An entry needing more than `read` is hidden from roles without it (the server refuses them anyway). */
const NAVIGATION: { label: string; to: string; pages: Route['page'][]; permission?: OperatorPermission }[] = [
  { label: 'Overview', to: paths.overview(), pages: ['overview'] },
  { label: 'Coupons', to: paths.coupons(), pages: ['coupons', 'newCoupon', 'coupon', 'editCoupon'] },
  { label: 'Promotion codes', to: paths.promotionCodes(), pages: ['promotionCodes'] },
  { label: 'Customers', to: paths.customers(), pages: ['customers', 'customer'] },
  { label: 'Invoice discounts', to: paths.invoiceDiscounts(), pages: ['invoiceDiscounts'] },
  // Where the organization's data is sent: set up by admins only.
  { label: 'Webhooks', to: paths.webhooks(), pages: ['webhooks', 'webhookEndpoint'], permission: 'administer' },
  { label: 'Activity', to: paths.activity(), pages: ['activity'] },
  { label: 'Settings', to: paths.settings(), pages: ['settings'] },
];

function Shell() {
  const role = useRole();
  const route = matchRoute(useLocation());
  const navigation = NAVIGATION.filter((item) => roleAllows(role, item.permission ?? 'read'));
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" to={paths.overview()}>
            <span className="brand-mark" aria-hidden="true">%</span>
            Coupons
          </Link>
          <nav className="nav" aria-label="Main">
            {navigation.map((item) => (
              <Link key={item.label} to={item.to} aria-current={item.pages.includes(route.page) ? 'page' : undefined}>
                {item.label}
              </Link>
            ))}
          </nav>
          <UserMenu />
        </div>
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}

export function App() {
  const route = matchRoute(useLocation());
  // Accepting an invitation is the one page a visitor without a session may see.
  if (route.page === 'invitation') return <AcceptInvitationPage token={route.token} />;
  return (
    <SessionProvider signIn={(onSignedIn) => <SignInPage onSignedIn={onSignedIn} />}>
      <Shell />
    </SessionProvider>
  );
}

import { SessionProvider, useSession } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { CouponFormPage } from './coupons/CouponFormPage';
import { CouponPage } from './coupons/CouponPage';
import { CouponsListPage } from './coupons/CouponsListPage';
import { PromotionCodesPage } from './promotion-codes/PromotionCodesPage';
import { Link, useLocation } from './router';
import { matchRoute, paths } from './routes';
import { Button } from './ui/Button';
import { EmptyState } from './ui/states';

function Routes() {
  const route = matchRoute(useLocation());
  switch (route.page) {
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
    case 'notFound':
      return (
        <div className="page">
          <EmptyState title="Page not found">
            <Link to={paths.coupons()}>Back to coupons</Link>
          </EmptyState>
        </div>
      );
  }
}

function Shell() {
  const { signOut } = useSession();
  const route = matchRoute(useLocation());
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" to={paths.coupons()}>
            <span className="brand-mark" aria-hidden="true">%</span>
            Coupons
          </Link>
          <nav className="nav" aria-label="Main">
            <Link to={paths.coupons()} aria-current={route.page === 'notFound' || route.page === 'promotionCodes' ? undefined : 'page'}>
              Coupons
            </Link>
            <Link to={paths.promotionCodes()} aria-current={route.page === 'promotionCodes' ? 'page' : undefined}>
              Promotion codes
            </Link>
          </nav>
          <Button variant="ghost" onClick={signOut}>
            Sign out
          </Button>
        </div>
      </header>
      <main>
        <Routes />
      </main>
    </>
  );
}

export function App() {
  return (
    <SessionProvider signIn={(onSignedIn) => <SignInPage onSignedIn={onSignedIn} />}>
      <Shell />
    </SessionProvider>
  );
}

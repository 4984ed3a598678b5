import { SessionProvider, useSession } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { CouponFormPage } from './coupons/CouponFormPage';
import { CouponPage } from './coupons/CouponPage';
import { CouponsListPage } from './coupons/CouponsListPage';
import { Link, useLocation } from './router';
import { Button } from './ui/Button';
import { EmptyState } from './ui/states';

/** A path segment from the address bar; a malformed escape is treated as "no such page". */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Routes: /coupons (list), /coupons/new, /coupon/:code and /coupon/:code/edit. Coupon pages use
 * the singular prefix so that no coupon code (not even "new") can collide with a fixed route.
 */
function Routes() {
  const path = useLocation().split('?')[0];
  if (path === '/' || path === '/coupons') return <CouponsListPage />;
  if (path === '/coupons/new') return <CouponFormPage />;
  const match = /^\/coupon\/([^/]+)(\/edit)?$/.exec(path);
  const code = match ? decodeSegment(match[1]) : null;
  if (match && code !== null) {
    return match[2] ? <CouponFormPage key={`edit:${code}`} code={code} /> : <CouponPage key={code} code={code} />;
  }
  return (
    <div className="page">
      <EmptyState title="Page not found">
        <Link to="/coupons">Back to coupons</Link>
      </EmptyState>
    </div>
  );
}

function Shell() {
  const { signOut } = useSession();
  const path = useLocation();
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" to="/coupons">
            <span className="brand-mark" aria-hidden="true">%</span>
            Coupons
          </Link>
          <nav className="nav" aria-label="Main">
            <Link to="/coupons" aria-current={path.startsWith('/coupon') || path === '/' ? 'page' : undefined}>
              Coupons
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

import { useCan, useSession } from '../auth/session';
import { ApiKeysSection } from './ApiKeysSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { InvitationsSection } from './InvitationsSection';
import { UsersSection } from './UsersSection';
import './settings.css';

/** Admins manage people, invitations and API keys here; every operator changes their own password. */
export function SettingsPage() {
  const { organization } = useSession();
  const administer = useCan('administer');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">
            {administer
              ? `Who can reach ${organization.name}, with which role, and the API keys of its programs.`
              : 'Your password. People and API keys are managed by the admins of your organization.'}
          </p>
        </div>
      </div>
      {administer && (
        <>
          <UsersSection />
          <InvitationsSection />
          <ApiKeysSection />
        </>
      )}
      <ChangePasswordSection />
    </div>
  );
}

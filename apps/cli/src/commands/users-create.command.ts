import { Command, CommandRunner, Option } from 'nest-commander';
import { type FieldErrors, hasErrors, OPERATOR_LIMITS } from '@coupons/domain';
import { OrganizationsRepository } from '#api/organizations/organizations.repository';
import { actingAs, cliActor } from '#api/organizations/organization';
import { CreateUserService } from '#api/users/create-user.service';

interface UsersCreateOptions {
  organization?: string;
  email?: string;
  role?: string;
  name?: string;
  passwordStdin?: boolean;
}

/** What a person reads for an error key, beside the key itself. */
const HINTS: Record<string, string> = {
  value_is_too_short: `at least ${OPERATOR_LIMITS.passwordMinLength} characters`,
  value_is_out_of_range: 'too long',
  value_already_exist: 'a user already has this address',
  invalid_email_format: 'not an email address',
  value_is_mandatory: 'required',
  value_is_invalid: 'one of admin, manager, viewer',
};

const describeErrors = (errors: FieldErrors) =>
  Object.entries(errors)
    .map(([field, keys]) => `${field}: ${keys.map((key) => `${key} (${HINTS[key] ?? key})`).join(', ')}`)
    .join('\n');

/** The whole of stdin, less one trailing newline (what `echo` or a heredoc adds). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

@Command({
  name: 'users:create',
  description: "Create a user who signs in to the dashboard (the organization's first admin, typically); prints the user's lago_id",
})
export class UsersCreateCommand extends CommandRunner {
  constructor(
    private readonly users: CreateUserService,
    private readonly organizations: OrganizationsRepository,
  ) {
    super();
  }

  async run(_params: string[], options: UsersCreateOptions): Promise<void> {
    const organizationName = options.organization?.trim();
    if (!organizationName) throw new Error('--organization <name> is required');
    // A password given as an argument would stay in the shell's history and in `ps`.
    if (!options.passwordStdin) throw new Error('--password-stdin is required: pipe the password in, e.g. `… --password-stdin < file`');
    const input = { email: options.email, role: options.role, name: options.name, password: await readStdin() };
    const errors = this.users.validate(input);
    if (hasErrors(errors)) throw new Error(describeErrors(errors));

    const organization = await this.organizations.findOrCreate(organizationName);
    const result = await this.users.call(actingAs(organization, cliActor('users:create')), input);
    if (!result.ok) throw new Error(result.failure.kind === 'validation' ? describeErrors(result.failure.errors) : result.failure.code);
    process.stderr.write(`Created ${result.value.role} ${result.value.email} in organization "${organization.name}".\n`);
    process.stdout.write(`${result.value.lagoId}\n`);
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name (created if it does not exist)', required: true })
  parseOrganization(value: string): string {
    return value;
  }

  @Option({ flags: '-e, --email <email>', description: 'the address they sign in with', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '-r, --role <role>', description: 'admin, manager or viewer', required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '-n, --name <name>', description: 'their name, as the dashboard shows it' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--password-stdin', description: `read the password from stdin (at least ${OPERATOR_LIMITS.passwordMinLength} characters; one trailing newline is dropped)` })
  parsePasswordStdin(): boolean {
    return true;
  }
}

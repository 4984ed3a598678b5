import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UUID } from './support/factories';
import { signIn, sql } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

/** `users:create` of the built CLI (as `npm run cli` runs it), against the database a running API uses. */
describe('CLI users:create', () => {
  let t: TestApp;

  /** Runs the CLI with `stdin` piped in; resolves with the exit code instead of throwing on a failure. */
  const cli = (stdin: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.databaseUrl }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin!.end(stdin);
    });

  beforeAll(async () => {
    if (!existsSync(CLI)) await run('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT, timeout: 180_000 });
    t = await startTestApp();
  }, 200_000);
  afterAll(async () => {
    await t?.close();
  });

  it('creates the organization and an admin who can sign in; prints the lago_id', async () => {
    const result = await cli('a passphrase from stdin\n', 'users:create', '--organization', 'CLI org', '--email', 'First.Admin@example.com', '--role', 'admin', '--password-stdin');
    expect(result.code).toBe(0);
    const lagoId = result.stdout.trim();
    expect(lagoId).toMatch(UUID);
    const [row] = await sql<{ lago_id: string; role: string; organization: string; password_hash: string }>(
      t, 'SELECT u.lago_id, u.role, o.name AS organization, u.password_hash FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.email = ?', ['first.admin@example.com'],
    );
    expect(row).toMatchObject({ lago_id: lagoId, role: 'admin', organization: 'CLI org' });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // One trailing newline was dropped, nothing else.
    const session = await signIn(t.baseUrl, 'first.admin@example.com', 'a passphrase from stdin');
    const users = await fetch(`${t.baseUrl}/api/v1/users`, { headers: { cookie: session.cookie } });
    expect(((await users.json()) as { users: Array<{ lago_id: string }> }).users.map((user) => user.lago_id)).toEqual([lagoId]);
  }, 60_000);

  it('refuses a short password, a bad role and a taken address, with a non-zero exit and nothing created', async () => {
    const short = await cli('elevenchars\n', 'users:create', '--organization', 'Never made', '--email', 'short@example.com', '--role', 'admin', '--password-stdin');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('password: value_is_too_short (at least 12 characters)');
    expect(short.stdout).toBe('');
    expect(await sql(t, "SELECT id FROM organizations WHERE name = 'Never made'")).toEqual([]);
    expect(await sql(t, "SELECT id FROM users WHERE email = 'short@example.com'")).toEqual([]);

    const role = await cli('a long enough password', 'users:create', '--organization', 'CLI org', '--email', 'boss@example.com', '--role', 'boss', '--password-stdin');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('role: value_is_invalid');

    const taken = await cli('a long enough password', 'users:create', '--organization', 'CLI org', '--email', 'first.admin@example.com', '--role', 'viewer', '--password-stdin');
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('email: value_already_exist');

    const noStdin = await cli('', 'users:create', '--organization', 'CLI org', '--email', 'x@example.com', '--role', 'viewer');
    expect(noStdin.code).not.toBe(0);
    expect(noStdin.stderr).toContain('--password-stdin is required');
  }, 120_000);
});

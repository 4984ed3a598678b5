import { Command, CommandRunner, Option } from 'nest-commander';
import { ApiKeysService } from '#api/organizations/api-keys.service';

@Command({ name: 'api-keys:create', description: 'Create an API key (and its organization if needed); prints the key alone on the last line' })
export class ApiKeysCreateCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run(_params: string[], options: { organization?: string }): Promise<void> {
    if (!options.organization?.trim()) throw new Error('--organization <name> is required');
    const { organization, apiKey, publicId } = await this.apiKeys.create(options.organization.trim());
    process.stderr.write(`Created key ${publicId} for organization "${organization.name}". It is shown once: store it now.\n`);
    process.stdout.write(`${apiKey}\n`);
  }

  @Option({ flags: '-o, --organization <name>', description: 'organization name', required: true })
  parseOrganization(value: string): string {
    return value;
  }
}

@Command({ name: 'api-keys:revoke', arguments: '<key>', description: 'Revoke an API key (the whole key or its public id)' })
export class ApiKeysRevokeCommand extends CommandRunner {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async run([key]: string[]): Promise<void> {
    if (!(await this.apiKeys.revoke(key, null))) throw new Error('No live API key matches');
    process.stderr.write('Revoked.\n');
  }
}

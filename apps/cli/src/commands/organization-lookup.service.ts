import { Injectable } from '@nestjs/common';
import type { Organization } from '#api/organizations/organization';
import { OrganizationsRepository } from '#api/organizations/organizations.repository';

/** Read-only: ops commands must never create an organization from a typo, unlike `api-keys:create`. */
@Injectable()
export class OrganizationLookupService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  /** The named organization, or the only one when no name is given. */
  async find(name: string | undefined): Promise<Organization> {
    if (name !== undefined) {
      const found = await this.organizations.findByName(name.trim());
      if (!found) throw new Error(`Unknown organization "${name}"`);
      return found;
    }
    const all = await this.organizations.findFirst(2);
    if (all.length !== 1) throw new Error(`--organization <name> is required (${all.length ? 'several organizations exist' : 'no organization exists'})`);
    return all[0];
  }
}

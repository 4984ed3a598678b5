import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../../../api/src/database/entities';
import type { Organization } from '../../../api/src/organizations/organization';

/** Read-only: ops commands must never create an organization from a typo, unlike `api-keys:create`. */
@Injectable()
export class OrganizationLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The named organization, or the only one when no name is given. */
  async find(name: string | undefined): Promise<Organization> {
    const repository = this.dataSource.getRepository(OrganizationEntity);
    if (name !== undefined) {
      const found = await repository.findOneBy({ name: name.trim() });
      if (!found) throw new Error(`Unknown organization "${name}"`);
      return { id: found.id, name: found.name };
    }
    const all = await repository.find({ take: 2, order: { id: 'ASC' } });
    if (all.length !== 1) throw new Error(`--organization <name> is required (${all.length ? 'several organizations exist' : 'no organization exists'})`);
    return { id: all[0].id, name: all[0].name };
  }
}

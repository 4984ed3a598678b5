import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../database/entities';
import type { Organization } from './organization';

const toOrganization = ({ id, name }: OrganizationEntity): Organization => ({ id, name });

/** `organizations`: the tenants, found by their unique name. */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByName(name: string): Promise<Organization | null> {
    const found = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ name });
    return found ? toOrganization(found) : null;
  }

  /** The first `limit` organizations, oldest first. */
  async findFirst(limit: number): Promise<Organization[]> {
    const found = await this.dataSource.getRepository(OrganizationEntity).find({ take: limit, order: { id: 'ASC' } });
    return found.map(toOrganization);
  }

  async findOrCreate(name: string): Promise<Organization> {
    const existing = await this.findByName(name);
    if (existing) return existing;
    const repository = this.dataSource.getRepository(OrganizationEntity);
    try {
      return toOrganization(await repository.save(repository.create({ name })));
    } catch (error) {
      // Another process created it between our read and our insert: the unique name makes that one win.
      const raced = await this.findByName(name);
      if (raced) return raced;
      throw error;
    }
  }
}

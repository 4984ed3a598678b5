import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, LessThan } from 'typeorm';
import { JobLockEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';

/** Leases in the database, so that one process among many runs a scheduled job. */
@Injectable()
export class JobLocksService {
  private readonly owner = `${hostname()}:${process.pid}`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async acquire(name: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + leaseMs);
    const repository = this.dataSource.getRepository(JobLockEntity);
    const taken = await repository.update({ name, lockedUntil: LessThan(now) }, { lockedUntil, lockedBy: this.owner });
    if (taken.affected) return true;
    try {
      await repository.insert({ name, lockedUntil, lockedBy: this.owner });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, LessThan } from 'typeorm';
import { JobLockEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';

/** Leases in the database, so that one process among many runs a scheduled job. */
@Injectable()
export class JobLocksRepository {
  private readonly owner = `${hostname()}:${process.pid}`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the job's lease for `leaseMs` unless another process holds an unexpired one. */
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
      // Another process created the lease first.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Extends a lease this process holds; false when it expired and another process took it. */
  async renew(name: string, leaseMs: number): Promise<boolean> {
    const lockedUntil = new Date(Date.now() + leaseMs);
    const renewed = await this.dataSource.getRepository(JobLockEntity).update({ name, lockedBy: this.owner }, { lockedUntil });
    return Boolean(renewed.affected);
  }

  /** Ends a lease this process holds, so another process may take the job at once. */
  async release(name: string): Promise<void> {
    await this.dataSource.getRepository(JobLockEntity).delete({ name, lockedBy: this.owner });
  }
}

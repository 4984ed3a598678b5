import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { SignInFailureEntity } from '../database/entities';

/** Every statement on `sign_in_failures`. */
@Injectable()
export class SignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private failures() {
    return this.dataSource.getRepository(SignInFailureEntity);
  }

  countSince(email: string, since: Date): Promise<number> {
    return this.failures().countBy({ email, createdAt: MoreThanOrEqual(since) });
  }

  /** Records a failure and forgets this address's failures that no longer count, so the table stays small. */
  async record(email: string, now: Date, windowStart: Date): Promise<void> {
    await this.failures().insert({ email, createdAt: now });
    await this.failures().delete({ email, createdAt: LessThan(windowStart) });
  }

  /** A successful sign-in starts the count again. */
  async clear(email: string): Promise<void> {
    await this.failures().delete({ email });
  }
}

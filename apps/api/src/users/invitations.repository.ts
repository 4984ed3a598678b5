import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { InvitationEntity, OrganizationEntity } from '../database/entities';
import type { Transaction } from '../database/transactions';

/** Every statement on `invitations`. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private invitations(tx?: Transaction) {
    return (tx ?? this.dataSource).getRepository(InvitationEntity);
  }

  build(fields: Omit<InvitationEntity, 'id'>): InvitationEntity {
    return this.invitations().create(fields);
  }

  async insert(invitation: InvitationEntity, tx: Transaction): Promise<void> {
    const result = await this.invitations(tx).insert(invitation);
    invitation.id = Number(result.identifiers[0].id);
  }

  /** The invitation a link's token names, with the name of the organization it invites to. */
  async findByTokenHash(tokenHash: string, tx?: Transaction): Promise<{ invitation: InvitationEntity; organizationName: string } | null> {
    const invitation = await this.invitations(tx).findOneBy({ tokenHash });
    if (!invitation) return null;
    const organization = await (tx ?? this.dataSource).getRepository(OrganizationEntity).findOneByOrFail({ id: invitation.organizationId });
    return { invitation, organizationName: organization.name };
  }

  findByLagoId(organizationId: number, lagoId: string): Promise<InvitationEntity | null> {
    return this.invitations().findOneBy({ organizationId, lagoId });
  }

  /** Neither accepted, revoked nor expired; newest first. */
  pending(organizationId: number, now: Date): Promise<InvitationEntity[]> {
    return this.invitations().find({
      where: { organizationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { id: 'DESC' },
    });
  }

  /**
   * Marks a still-usable invitation used. The row's lock makes concurrent acceptances of one link queue up:
   * only the first finds it usable.
   */
  async markAccepted(invitationId: number, now: Date, tx: Transaction): Promise<boolean> {
    const result = await this.invitations(tx).update(
      { id: invitationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      { acceptedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Whether a pending invitation was revoked (an accepted one stays as it was). */
  async revoke(invitationId: number, now: Date, tx: Transaction): Promise<boolean> {
    const result = await this.invitations(tx).update({ id: invitationId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  async reload(invitationId: number, tx: Transaction): Promise<InvitationEntity> {
    return this.invitations(tx).findOneByOrFail({ id: invitationId });
  }
}

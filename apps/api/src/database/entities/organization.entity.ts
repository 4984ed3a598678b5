import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255, unique: true })
  name: string;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}

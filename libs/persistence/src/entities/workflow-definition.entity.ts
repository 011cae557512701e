import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type DefinitionStatus = 'draft' | 'published' | 'retired';

@Entity({ name: 'workflow_definitions' })
@Unique('workflow_definitions_key_version', ['key', 'version'])
export class WorkflowDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  key!: string;

  @Column('integer')
  version!: number;

  @Column('text')
  status!: DefinitionStatus;

  @Column('jsonb')
  title!: { vi: string; en: string };

  @Column('jsonb')
  source!: Record<string, unknown>;

  @Column('text')
  checksum!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

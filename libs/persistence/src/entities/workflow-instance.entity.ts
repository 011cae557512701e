import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InstanceStatus = 'active' | 'done';

@Entity({ name: 'workflow_instances' })
export class WorkflowInstanceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId!: string;

  @Column({ name: 'definition_key', type: 'text' })
  definitionKey!: string;

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion!: number;

  @Column({ name: 'business_key', type: 'text', nullable: true })
  businessKey!: string | null;

  @Column('text')
  status!: InstanceStatus;

  @Column({ name: 'state_value', type: 'jsonb' })
  stateValue!: unknown;

  @Column({ name: 'state_paths', type: 'text', array: true })
  statePaths!: string[];

  @Column('jsonb')
  context!: Record<string, unknown>;

  @Column('jsonb')
  snapshot!: unknown;

  @Column('integer')
  revision!: number;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash!: string;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'started_by', type: 'text' })
  startedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'parent_group', type: 'text', nullable: true })
  parentGroup!: string | null;

  @Column({ name: 'parent_key', type: 'text', nullable: true })
  parentKey!: string | null;
}

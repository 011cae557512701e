import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'workflow_history' })
export class WorkflowHistoryEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @PrimaryColumn('integer')
  seq!: number;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column('jsonb')
  actor!: { id: string; roles: string[]; units: string[] };

  @Column({ name: 'from_state', type: 'jsonb', nullable: true })
  fromState!: unknown;

  @Column({ name: 'to_state', type: 'jsonb' })
  toState!: unknown;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column('text')
  hash!: string;

  /** Parent/child links of this row (a child started, a child's start, a child's report). */
  @Column({ type: 'jsonb', nullable: true })
  links!: Record<string, unknown> | null;
}

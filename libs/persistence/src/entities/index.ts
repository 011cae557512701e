import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { OutboxEntity } from './outbox.entity.js';
import { WorkflowDefinitionEntity } from './workflow-definition.entity.js';
import { WorkflowHistoryEntity } from './workflow-history.entity.js';
import { WorkflowInstanceEntity } from './workflow-instance.entity.js';

export * from './idempotency-key.entity.js';
export * from './outbox.entity.js';
export * from './workflow-definition.entity.js';
export * from './workflow-history.entity.js';
export * from './workflow-instance.entity.js';

export const entities = [
  WorkflowDefinitionEntity,
  WorkflowInstanceEntity,
  WorkflowHistoryEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
];

import { Module } from '@nestjs/common';
import { DefinitionsService } from './definitions.service.js';
import { InstancesService } from './instances.service.js';
import { WorkflowLoaderService } from './workflow-loader.service.js';

/** The workflow runtime: definitions and the instance event path, shared by the api and the worker. */
@Module({
  providers: [DefinitionsService, InstancesService, WorkflowLoaderService],
  exports: [DefinitionsService, InstancesService, WorkflowLoaderService],
})
export class RuntimeModule {}

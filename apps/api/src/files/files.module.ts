import { Module } from '@nestjs/common';
import { FilesController, InstanceFilesController } from './files.controller.js';

/** The files routes; FilesService comes from the global FilesModule the app module loads. */
@Module({ controllers: [FilesController, InstanceFilesController] })
export class FilesApiModule {}

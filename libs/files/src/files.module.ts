import { DynamicModule, Global, Module, OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FileStoreSettings } from '#libs/config';
import { CoreModule } from '#libs/core';
import { Database, FilesRepository } from '#libs/persistence';
import { RuntimeModule } from '#libs/runtime';
import { FILE_CLEANUP_OPTIONS, FileCleanupService } from './file-cleanup.service.js';
import { FILE_STORE, type FileStore } from './file-store.js';
import { FILES_OPTIONS, FilesService, type FilesOptions } from './files.service.js';
import { FsFileStore } from './fs-file-store.js';
import { PostgresFileStore } from './postgres-file-store.js';
import { S3FileStore } from './s3-file-store.js';

export interface FilesModuleOptions extends FilesOptions {
  store: FileStoreSettings;
  /** Run the cleanup of expired unbound uploads in this process (the worker role), every `intervalMs`. */
  cleanup?: { intervalMs: number };
}

/** The store the settings name. */
export function createFileStore(settings: FileStoreSettings, database: Database, files: FilesRepository): FileStore {
  switch (settings.kind) {
    case 'fs':
      return new FsFileStore(settings.directory);
    case 's3':
      return new S3FileStore(settings);
    default:
      return new PostgresFileStore(database, files);
  }
}

@Injectable()
class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORE) private readonly store: FileStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}

export const DEFAULT_FILES_OPTIONS: FilesModuleOptions = { store: { kind: 'postgres' }, maxBytes: 25 * 1024 * 1024 };

/** Attachments: the store chosen by FILE_STORE, uploads, reads, checks and (in the worker role) the cleanup. */
@Global()
@Module({})
export class FilesModule {
  static forRoot(options: FilesModuleOptions = DEFAULT_FILES_OPTIONS): DynamicModule {
    return {
      module: FilesModule,
      global: true,
      imports: [CoreModule, RuntimeModule],
      providers: [
        { provide: FILES_OPTIONS, useValue: options },
        { provide: FILE_STORE, useFactory: (db: Database, files: FilesRepository) => createFileStore(options.store, db, files), inject: [Database, FilesRepository] },
        FilesService,
        StoreCloser,
        ...(options.cleanup ? [{ provide: FILE_CLEANUP_OPTIONS, useValue: options.cleanup }, FileCleanupService] : []),
      ],
      exports: [FilesService, FILE_STORE, FILES_OPTIONS, ...(options.cleanup ? [FileCleanupService] : [])],
    };
  }
}

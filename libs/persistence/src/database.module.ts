import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSource, runMigrations } from './data-source.js';
import { PersistenceModule } from './persistence.module.js';

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  runMigrations: boolean;
  applicationName?: string;
}

/** The DataSource (migrated before anything can use it) plus the repositories. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Fail fast: a process that cannot reach its database should say so, not retry for half a minute.
          useFactory: () => ({ retryAttempts: 1, retryDelay: 1000 }) as never,
          dataSourceFactory: async () => {
            const dataSource = await createDataSource(options).initialize();
            if (options.runMigrations) {
              const applied = await runMigrations(dataSource);
              if (applied.length) new Logger('Migrations').log(`applied ${applied.join(', ')}`);
            }
            return dataSource;
          },
        }),
        PersistenceModule,
      ],
      exports: [PersistenceModule],
    };
  }
}

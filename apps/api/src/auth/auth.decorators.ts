import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'phoihop:public';
export const ADMIN_ONLY = 'phoihop:admin-only';

/** Reachable without signing in (sign-in itself, health, the API description). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only for the `admin` role (auditors may still read): users, units, calendar overrides, definitions. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

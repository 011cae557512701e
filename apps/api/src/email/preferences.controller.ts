import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailSettingsService } from '#libs/runtime';
import { type Principal } from '#libs/core';
import { CurrentPrincipal } from '../common/request-context.js';
import { ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { PreferencesDto, UpdatePreferencesDto } from './dto/email.dto.js';

@ApiTags('notifications')
@SignedIn()
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly settings: EmailSettingsService) {}

  @ApiOperation({ summary: 'My language and e-mail mode per notification kind (my address is set by admins)' })
  @ApiJson(PreferencesDto, { description: 'My preferences' })
  @Get()
  get(@CurrentPrincipal() p: Principal) {
    return this.settings.preferences(p);
  }

  @ApiOperation({ summary: 'Change my language and the e-mail mode of some kinds (the kinds not given are kept)' })
  @ApiJson(PreferencesDto, { description: 'My preferences after the change' })
  @ApiErrors(400, 403, 413, 429)
  @Put()
  update(@CurrentPrincipal() p: Principal, @Body() dto: UpdatePreferencesDto) {
    return this.settings.updatePreferences(p, { language: dto.language, emailPreferences: dto.emailPreferences });
  }
}

import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import { DESK_TOOLS_ERROR_CODES } from './desk-tools.errors';
import { Macro } from './macro.entity';
import { MacroFieldsResolver, macroNodeFetcher, MacroResolver } from './macro.resolver';
import { SavedView } from './saved-view.entity';
import { SavedViewFieldsResolver, savedViewNodeFetcher, SavedViewResolver } from './saved-view.resolver';

/** The desk's working tools for support agents: canned answers (macros) and saved ticket views. */
export const deskToolEntities = [Macro, SavedView];
export const deskToolResolvers = [MacroResolver, MacroFieldsResolver, SavedViewResolver, SavedViewFieldsResolver, nodeIdResolver(Macro), nodeIdResolver(SavedView)] as const;

export const deskToolsModule: FeatureModule = {
  resolvers: deskToolResolvers,
  errorCodes: [DESK_TOOLS_ERROR_CODES],
  nodeTypes: {
    Macro: macroNodeFetcher,
    SavedView: savedViewNodeFetcher,
  },
};

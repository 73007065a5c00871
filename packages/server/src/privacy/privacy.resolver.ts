import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { PERSONAL_DATA_ERASERS } from '../access/policies';
import { requireViewer, type Context } from '../core/context';
import { publishChange } from '../directory/directory.resolver';
import { DirectoryChangeKind } from '../directory/directory.types';
import { decodeId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { erasePerson } from './erasure.service';
import { ErasePersonInput } from './privacy.inputs';
import { ErasePersonPayload } from './privacy.types';

@Resolver()
export class PrivacyResolver {
  @Authorized(...PERSONAL_DATA_ERASERS)
  @Mutation(() => ErasePersonPayload, {
    description:
      'Erases a person’s personal data (RGPD; administrators): names and email replaced by "Personne effacée #…", correspondent roles ended, own roles dropped, account deactivated (their tokens stop working). Their comments stay, unsigned; tickets, history and statistics keep their counts. Recorded in the audit; cannot be undone.',
  })
  erasePerson(@Arg('input', { validate: false, description: 'Whose personal data goes: the global id of a Person other than yourself.' }) input: ErasePersonInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const person = await erasePerson(ctx.em, requireViewer(ctx), decodeId(input.personId, 'Person', 'personId'));
      publishChange(ctx.pubSub, DirectoryChangeKind.PERSON, 'Person', person.id);
      return { person };
    });
  }
}

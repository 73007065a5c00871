import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../core/mutation';
import { Person } from '../directory/person.entity';

@ObjectType({ description: 'Result of erasePerson.' })
export class ErasePersonPayload extends MutationPayload {
  @Field(() => Person, { nullable: true, description: 'The person as they remain: pseudonymised and inactive; null on failure.' })
  person!: Person | null;
}

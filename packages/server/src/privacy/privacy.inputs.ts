import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Whose personal data to erase.' })
export class ErasePersonInput {
  @Field(() => ID, { description: 'Global id of the Person to erase; never your own.' })
  personId!: string;
}

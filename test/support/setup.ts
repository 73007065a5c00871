// type-graphql and MikroORM decorators need the metadata API before any entity loads
import 'reflect-metadata';

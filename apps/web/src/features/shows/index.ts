export { CataloguePage } from './routes/catalogue';
export { ShowPage } from './routes/show';

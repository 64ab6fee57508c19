import { FastifyAdapter } from '@nestjs/platform-fastify';
import { All, Controller, Delete, Get, Module, Post, Put } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { discoverRoutes, RouteTable } from './route-table';

@Controller('api/things')
class ThingsController {
  @Get()
  list(): void {}

  @Post()
  create(): void {}

  @Get(':thingId')
  one(): void {}

  @Put([':thingId/name', ':thingId/title'])
  rename(): void {}

  notARoute(): void {}
}

@Controller()
class RootController {
  @Delete('/gone/')
  remove(): void {}

  @All('anything')
  any(): void {}
}

@Module({ controllers: [ThingsController, RootController] })
class ThingsModule {}

describe('the route table', () => {
  let table: RouteTable;
  let routes: ReturnType<typeof discoverRoutes>;

  beforeAll(async () => {
    const app = (await Test.createTestingModule({ imports: [ThingsModule] }).compile()).createNestApplication(new FastifyAdapter());
    await app.init();
    routes = discoverRoutes(app);
    table = new RouteTable(routes);
    await app.close();
  });

  it('reads every route from the controllers’ decorators', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'ALL /anything',
      'GET /api/things',
      'POST /api/things',
      'GET /api/things/:thingId',
      'PUT /api/things/:thingId/name',
      'PUT /api/things/:thingId/title',
      'DELETE /gone',
    ]);
  });

  it('answers the Allow list for a served path and a method it does not serve', () => {
    expect(table.refuses('DELETE', '/api/things')).toEqual(['GET', 'HEAD', 'POST']);
    expect(table.refuses('POST', '/api/things/42')).toEqual(['GET', 'HEAD']);
    expect(table.refuses('GET', '/api/things/42/name')).toEqual(['PUT']);
    expect(table.refuses('get', '/gone')).toEqual(['DELETE']);
  });

  it('lets served methods, HEAD for GET, ALL routes, OPTIONS and unknown paths through', () => {
    expect(table.refuses('GET', '/api/things/42')).toBeUndefined();
    expect(table.refuses('HEAD', '/api/things')).toBeUndefined();
    expect(table.refuses('PATCH', '/anything')).toBeUndefined();
    expect(table.refuses('OPTIONS', '/api/things')).toBeUndefined();
    expect(table.refuses('GET', '/api/nothing')).toBeUndefined();
    expect(table.refuses('GET', '/api/things/42/name/extra')).toBeUndefined();
  });
});

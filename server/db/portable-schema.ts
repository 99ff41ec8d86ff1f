/**
 * The migrations are written once, in the words both engines share; on PostgreSQL this
 * plugin translates what SQLite alone understands, so that every migration — present and
 * to come — runs on both without a branch of its own:
 * - `integer` becomes `bigint` (times are milliseconds, beyond PostgreSQL's 32-bit integer);
 * - `blob` becomes `bytea`;
 * - `real` becomes `double precision` (SQLite's real is 8 bytes, PostgreSQL's 4);
 * - an `integer primary key autoincrement` becomes a `bigint` identity column.
 */
import {
  type ColumnDefinitionNode,
  DataTypeNode,
  GeneratedNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";

const translated: Partial<Record<string, "bigint" | "bytea" | "double precision">> = {
  integer: "bigint",
  blob: "bytea",
  real: "double precision",
};

class ToPostgres extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    const target = translated[node.dataType];
    return target ? DataTypeNode.create(target) : node;
  }

  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    if (!column.autoIncrement) return column;
    const generated = GeneratedNode.create({ identity: true, byDefault: true });
    return { ...column, autoIncrement: false, generated };
  }
}

export class PortableSchemaPlugin implements KyselyPlugin {
  private readonly transformer = new ToPostgres();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

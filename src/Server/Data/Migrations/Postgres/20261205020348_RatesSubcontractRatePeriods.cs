using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatesSubcontractRatePeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RateChanges",
                table: "Subcontracts",
                type: "jsonb",
                nullable: true);

            // Existing data (rules 1.1 §3): each stored rate becomes one period from the subcontract's
            // first day, open-ended (ValidTo absent reads as null); the history starts empty.
            migrationBuilder.Sql("""
                UPDATE "Subcontracts" AS s
                SET "Rates" = COALESCE((SELECT jsonb_agg(r.elem || jsonb_build_object('ValidFrom', to_char(s."ValidFrom", 'YYYY-MM-DD')) ORDER BY r.ord)
                                        FROM jsonb_array_elements(s."Rates") WITH ORDINALITY AS r(elem, ord)), '[]'::jsonb),
                    "RateChanges" = '[]'::jsonb;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RateChanges",
                table: "Subcontracts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // Existing data (rules 1.1 §3): each stored rate becomes one period from the subcontract's
            // first day, open-ended (ValidTo absent reads as null); the history starts empty.
            migrationBuilder.Sql("""
                UPDATE "Subcontracts"
                SET "Rates" = (SELECT json_group_array(json_set(j.value, '$.ValidFrom', "Subcontracts"."ValidFrom"))
                               FROM json_each("Subcontracts"."Rates") AS j),
                    "RateChanges" = '[]';
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

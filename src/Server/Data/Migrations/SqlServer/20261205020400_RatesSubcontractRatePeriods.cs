using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: true);

            // Existing data (rules 1.1 §3): each stored rate becomes one period from the subcontract's
            // first day, open-ended (ValidTo absent reads as null); the history starts empty.
            migrationBuilder.Sql("""
                UPDATE s
                SET [Rates] = COALESCE((SELECT '[' + STRING_AGG(CAST(JSON_MODIFY(r.[value], '$.ValidFrom', CONVERT(char(10), s.[ValidFrom], 23)) AS nvarchar(max)), ',')
                                               WITHIN GROUP (ORDER BY CAST(r.[key] AS int)) + ']'
                                        FROM OPENJSON(s.[Rates]) AS r), N'[]'),
                    [RateChanges] = N'[]'
                FROM [Subcontracts] AS s;
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FiguresUnitReferenceRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReferenceDagdeelRateCents",
                table: "YearParameters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ReferenceEtmaalRateCents",
                table: "YearParameters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReferenceDagdeelRateCents",
                table: "YearParameters");

            migrationBuilder.DropColumn(
                name: "ReferenceEtmaalRateCents",
                table: "YearParameters");
        }
    }
}

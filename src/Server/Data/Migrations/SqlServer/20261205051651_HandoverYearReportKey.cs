using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HandoverYearReportKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_YearReports",
                table: "YearReports");

            migrationBuilder.AddPrimaryKey(
                name: "PK_YearReports",
                table: "YearReports",
                columns: new[] { "AreaId", "Year", "TenantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_YearReports",
                table: "YearReports");

            migrationBuilder.AddPrimaryKey(
                name: "PK_YearReports",
                table: "YearReports",
                columns: new[] { "AreaId", "Year" });
        }
    }
}

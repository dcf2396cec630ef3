using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Exports2HourEntryOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ServiceDate_Id",
                table: "HourEntries",
                columns: new[] { "ServiceDate", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HourEntries_ServiceDate_Id",
                table: "HourEntries");
        }
    }
}

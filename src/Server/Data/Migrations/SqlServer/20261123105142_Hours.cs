using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Hours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HourEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntryKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Product = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    ActivityNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ReportedByProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubcontractId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReversesEntryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReviewNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ArrangementId_ServiceDate",
                table: "HourEntries",
                columns: new[] { "ArrangementId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ClientId_ServiceDate",
                table: "HourEntries",
                columns: new[] { "ClientId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ReportedByProviderId_EntryKey",
                table: "HourEntries",
                columns: new[] { "ReportedByProviderId", "EntryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ReversesEntryId",
                table: "HourEntries",
                column: "ReversesEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_TenantId_Status_ServiceDate",
                table: "HourEntries",
                columns: new[] { "TenantId", "Status", "ServiceDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HourEntries");
        }
    }
}

package fr.passerelle.api;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The pupils' mode: {@code POST /api/rooms} gives a room pass ({@link Rooms}); {@code GET /salle/qr.svg} draws the QR
 * code the projected page shows, for this server's page at {@code path} with the pass, so phones open the same view.
 * The code is drawn here as SVG (no script, no third party in the page).
 */
final class RoomRoutes {
    static final int MAX_PATH = 600;

    private final AccessControl access;

    RoomRoutes(AccessControl access) {
        this.access = access;
    }

    void register(RouteTable routes) {
        routes.post("/api/rooms", ctx -> ctx.status(201).json(access.openRoom(ctx)));
        routes.get("/salle/qr.svg", ctx -> {
            // Drawing costs a little: under the caller's rate limit like the API (the page asks once per click).
            access.limit(ctx);
            String room = ctx.queryParam("room");
            if (!access.roomIsOpen(room)) {
                throw new ApiError(
                        404, "unknown or expired room", "room", String.valueOf(room), "open", "POST /api/rooms");
            }
            String path = ctx.queryParam("path");
            // Only this server's trainers' page: a QR code is never a way to point phones elsewhere.
            if (path == null
                    || !path.startsWith("/?")
                    || path.length() > MAX_PATH
                    || path.contains("//")
                    || path.contains("\\")) {
                throw ApiError.badParameter(
                        "path", String.valueOf(path), "the trainers' page's own address, as /?view=next&step=BTS-MCO");
            }
            String url = ctx.scheme() + "://" + ctx.host() + path + "&salle=" + room.strip();
            ctx.header("Cache-Control", "private, no-store");
            ctx.contentType("image/svg+xml; charset=utf-8").result(svg(url));
        });
    }

    /** The QR code of {@code text} as SVG: one square per dark module, a quiet zone of four. */
    static String svg(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new ApiError(400, "too long for a QR code", "length", text.length());
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}

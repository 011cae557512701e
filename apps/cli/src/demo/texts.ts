/**
 * The words of the demo year: citizens, addresses and subjects of phường An Phong (Hải Phòng).
 * Invented people, but names, places and matters as a ward office would really see them.
 */

export const CITIZENS = [
  'Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Minh Tuấn', 'Phạm Thị Hoa', 'Hoàng Văn Nam', 'Vũ Thị Hương',
  'Đặng Quốc Bảo', 'Bùi Thị Thu Hà', 'Đỗ Văn Thắng', 'Ngô Thị Mai', 'Dương Văn Long', 'Lý Thị Ngọc Ánh',
  'Phan Thanh Sơn', 'Trịnh Thị Hằng', 'Đinh Công Minh', 'Mai Thị Xuân', 'Nguyễn Đức Cường', 'Trần Văn Khải',
  'Lương Thị Thảo', 'Cao Văn Tiến', 'Hà Thị Nguyệt', 'Vương Đình Phúc', 'Tạ Thị Bích', 'Nguyễn Thị Kim Oanh',
];

export const ADDRESSES = [
  'Số 12, tổ dân phố số 3, phường An Phong, thành phố Hải Phòng',
  'Số 45, tổ dân phố số 7, phường An Phong, thành phố Hải Phòng',
  'Số 8 ngõ 126, tổ dân phố số 1, phường An Phong, thành phố Hải Phòng',
  'Số 203, tổ dân phố số 5, phường An Phong, thành phố Hải Phòng',
  'Số 17 ngõ 32, tổ dân phố số 9, phường An Phong, thành phố Hải Phòng',
  'Số 66, tổ dân phố số 2, phường An Phong, thành phố Hải Phòng',
  'Số 3 ngõ 58, tổ dân phố số 11, phường An Phong, thành phố Hải Phòng',
  'Số 91, tổ dân phố số 6, phường An Phong, thành phố Hải Phòng',
];

export const PHONES = ['0912 345 678', '0983 221 457', '0904 118 326', '0936 572 019', '0225 3821 456', '0868 904 233', '0977 310 845'];

/** What the people of the ward write about, per workflow; `noiDung` and its kin draw from here. */
export const SUBJECTS: Record<string, string[]> = {
  complaint: [
    'Khiếu nại Quyết định xử phạt vi phạm hành chính về trật tự xây dựng đối với công trình nhà ở riêng lẻ tại tổ dân phố số 3.',
    'Khiếu nại việc UBND phường không xác nhận nguồn gốc đất để làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
    'Khiếu nại mức bồi thường, hỗ trợ khi thu hồi đất mở rộng ngõ 126 tổ dân phố số 1.',
    'Khiếu nại việc từ chối xét hộ nghèo năm 2026 của hộ gia đình tại tổ dân phố số 9.',
    'Khiếu nại quyết định cưỡng chế tháo dỡ mái che lấn chiếm vỉa hè trước số nhà 45.',
    'Khiếu nại việc không giải quyết chế độ trợ cấp xã hội hằng tháng cho người cao tuổi.',
  ],
  denunciation: [
    'Tố cáo cán bộ địa chính phường có dấu hiệu nhận tiền để hợp thức hóa hồ sơ đất đai.',
    'Tố cáo tổ trưởng tổ dân phố số 5 thu tiền đóng góp xây nhà văn hóa không công khai, không có chứng từ.',
    'Tố cáo hành vi lấn chiếm đất công làm bãi trông giữ xe trái phép tại khu tập thể.',
    'Tố cáo đảng viên chi bộ khu dân cư số 2 vi phạm quy định về những điều đảng viên không được làm.',
    'Tố cáo cơ sở kinh doanh gây ô nhiễm tiếng ồn, khói bụi kéo dài mà không bị xử lý.',
  ],
  petition: [
    'Kiến nghị sửa chữa hệ thống thoát nước ngõ 58, thường xuyên ngập úng khi mưa lớn.',
    'Phản ánh đèn chiếu sáng công cộng tuyến đường tổ dân phố số 7 hỏng đã hơn hai tuần.',
    'Kiến nghị bố trí thêm thùng rác và tăng tần suất thu gom rác tại chợ dân sinh.',
    'Phản ánh tình trạng họp chợ tạm lấn chiếm lòng đường vào buổi sáng, gây mất an toàn giao thông.',
    'Kiến nghị lắp gờ giảm tốc trước cổng Trường Tiểu học An Phong.',
    'Phản ánh thủ tục chứng thực tại bộ phận một cửa phải chờ lâu vào đầu tuần.',
    'Kiến nghị cắt tỉa cây xanh có nguy cơ gãy đổ trước mùa mưa bão.',
  ],
  'social-supervision': [
    'Kiến nghị sau giám sát việc thực hiện quy chế dân chủ ở cơ sở tại bộ phận một cửa phường.',
    'Ý kiến phản biện dự thảo kế hoạch chỉnh trang đô thị, vỉa hè các tuyến đường nội phường năm 2027.',
    'Kiến nghị sau giám sát việc bình xét hộ nghèo, hộ cận nghèo năm 2026.',
    'Kiến nghị sau giám sát công tác thu gom, xử lý rác thải sinh hoạt tại các tổ dân phố.',
  ],
  'proposal-appraisal': [
    'Đề án xây dựng phường An Phong đạt chuẩn đô thị văn minh giai đoạn 2026–2030',
    'Đề án chuyển đổi số trong giải quyết thủ tục hành chính tại phường An Phong năm 2026',
    'Đề án nâng cao chất lượng hoạt động của các thiết chế văn hóa cơ sở',
    'Đề án phát triển mô hình "Tổ dân phố xanh – sạch – đẹp – an toàn"',
    'Đề án tăng cường công tác tuyên truyền pháp luật cho thanh niên trên địa bàn phường',
  ],
  'resolution-implementation': [
    'Nghị quyết về đẩy mạnh chuyển đổi số trong hoạt động của hệ thống chính trị phường',
    'Chỉ thị về tăng cường công tác dân vận trong tình hình mới',
    'Kết luận về tiếp tục thực hiện Nghị quyết về xây dựng, chỉnh đốn Đảng',
    'Nghị quyết về phát triển kinh tế – xã hội phường An Phong năm 2026',
  ],
  'dan-van-kheo-nomination': [
    'Mô hình "Tuyến phố văn minh, không rác thải nhựa" tổ dân phố số 3',
    'Mô hình "Chợ dân sinh an toàn thực phẩm"',
    'Điển hình bà Nguyễn Thị Kim Oanh, tổ trưởng tổ dân phố số 9, vận động hiến đất mở ngõ',
    'Mô hình "Camera an ninh tổ dân phố"',
    'Mô hình "Bộ phận một cửa thân thiện, không giấy tờ"',
  ],
  'hall-booking': [
    'Hội nghị tuyên truyền pháp luật về đất đai cho nhân dân',
    'Lễ kỷ niệm Ngày hội Đại đoàn kết toàn dân tộc 18/11',
    'Tập huấn phòng cháy, chữa cháy cho các hộ kinh doanh',
    'Hội thi "Dân vận khéo" cấp phường',
  ],
  'example-document-approval': [
    'Kế hoạch tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng',
    'Báo cáo kết quả công tác dân vận 6 tháng đầu năm 2026',
    'Kế hoạch tổ chức Tết Trung thu cho thiếu nhi phường An Phong',
  ],
};

/** Short remarks an officer writes, by the kind of field. */
export const REMARKS = {
  lyDo: [
    'Hồ sơ còn thiếu giấy tờ chứng minh, cần bổ sung trước khi xem xét tiếp.',
    'Nội dung phức tạp, cần thêm thời gian xác minh tại thực địa.',
    'Công dân đề nghị hoãn để chuẩn bị thêm tài liệu.',
    'Lịch công tác của lãnh đạo thay đổi đột xuất.',
  ],
  yKien: [
    'Thống nhất với đề xuất, đề nghị hoàn thiện theo góp ý.',
    'Đề nghị làm rõ thêm căn cứ pháp lý và số liệu minh chứng.',
    'Đồng ý, chuyển bước tiếp theo theo quy định.',
    'Cần bổ sung ý kiến của các đơn vị có liên quan.',
  ],
  ketLuan: [
    'Nội dung đúng một phần; đề nghị cơ quan liên quan khắc phục trong 15 ngày.',
    'Đủ điều kiện, đề nghị công nhận.',
    'Kết quả xác minh phù hợp với hồ sơ; giữ nguyên quyết định.',
  ],
  baoCao: [
    'Đã triển khai đầy đủ các nội dung theo kế hoạch; 100% tổ dân phố tổ chức quán triệt.',
    'Kết quả thực hiện đạt yêu cầu; còn một số tồn tại về tiến độ, đề xuất giải pháp khắc phục.',
    'Tổng hợp ý kiến của các chi bộ và tổ dân phố; đa số đồng tình với chủ trương.',
  ],
  diaDiem: ['Hội trường UBND phường An Phong', 'Phòng họp tầng 2, trụ sở Đảng ủy phường', 'Nhà văn hóa tổ dân phố số 3'],
  noiNhan: ['Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng', 'Đương sự và các cơ quan có liên quan', 'Thường trực Đảng ủy phường'],
  coQuan: ['Thanh tra thành phố Hải Phòng', 'Công an phường An Phong', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
  generic: [
    'Đã kiểm tra hồ sơ, thông tin đầy đủ.',
    'Thực hiện theo đúng trình tự, thủ tục quy định.',
    'Đã trao đổi trực tiếp với công dân và các bên liên quan.',
  ],
};

/** Document numbers the way a ward numbers them: 125/QĐ-UBND, 18/BC-BXDĐ… */
export const NUMBER_SIGNS: Array<[RegExp, string]> = [
  [/quyetdinh/i, 'QĐ-UBND'],
  [/thongbao/i, 'TB-UBND'],
  [/baocao/i, 'BC-UBND'],
  [/kehoach/i, 'KH-ĐU'],
  [/bienban/i, 'BB-UBND'],
  [/ketluan/i, 'KL-UBND'],
  [/totrinh/i, 'TTr-UBND'],
  [/giaymoi/i, 'GM-ĐU'],
  [/phieuchuyen/i, 'PC-UBND'],
];

package cn.countyflow.forms;

import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

/** Chinese texts for Vaadin components that carry their own (the date picker's calendar, the upload's buttons). */
final class ChineseI18n {

    private ChineseI18n() {
    }

    static DatePickerI18n datePicker() {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"));
        i18n.setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"));
        i18n.setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday("今天");
        i18n.setCancel("取消");
        i18n.setDateFormat("yyyy-MM-dd");
        return i18n;
    }

    static UploadI18N upload() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("上传文件…").setMany("上传文件…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("或将文件拖放到此处").setMany("或将文件拖放到此处"));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles("文件过多")
                .setFileIsTooBig("文件过大")
                .setIncorrectFileType("文件类型不允许：仅支持 PDF、PNG、JPEG 和 Office 文档"));
        return i18n;
    }
}

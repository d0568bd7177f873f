<%@ page contentType="text/html;charset=UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="pylon" uri="urn:io.github.pylonchat:jsp" %>
<html><body><h1>${heading}</h1><pylon:chat/></body></html>
